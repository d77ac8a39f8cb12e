"""Draw DialDesk's icon (a white handset on a blue tile) as dialdesk.png and dialdesk.ico.

Run after changing the drawing: ``python resources/icons/draw_icon.py``. The .ico holds
PNG images of every size Windows asks for (Explorer, Start menu, taskbar, installer).
"""

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath

SIZES = (16, 24, 32, 48, 64, 128, 256)
HERE = Path(__file__).resolve().parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    tile = QLinearGradient(0, 0, 0, 256)
    tile.setColorAt(0, QColor("#2f80ed"))
    tile.setColorAt(1, QColor("#1546a0"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(tile)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    handset = QPainterPath()  # ear piece, grip and mouth piece in one outline
    handset.moveTo(QPointF(70, 58))
    handset.cubicTo(QPointF(52, 100), QPointF(88, 172), QPointF(150, 198))
    handset.lineTo(QPointF(176, 174))
    handset.lineTo(QPointF(150, 146))
    handset.lineTo(QPointF(130, 160))
    handset.cubicTo(QPointF(112, 148), QPointF(100, 132), QPointF(94, 118))
    handset.lineTo(QPointF(110, 96))
    handset.lineTo(QPointF(84, 66))
    handset.closeSubpath()
    p.setBrush(QColor("white"))
    p.drawPath(handset)
    pen_color = QColor(255, 255, 255, 200)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for radius, width in ((34, 12), (62, 12)):  # the call's sound waves
        p.setPen(QColor(pen_color))
        pen = p.pen()
        pen.setWidth(width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(QRectF(150 - radius, 106 - radius, 2 * radius, 2 * radius), 0 * 16, 90 * 16)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    images = [(size, png_bytes(draw(size))) for size in SIZES]
    (HERE / "dialdesk.ico").write_bytes(ico_bytes(images))
    (HERE / "dialdesk.png").write_bytes(images[-1][1])
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
