"""What a write changed, so every window that shows it reads it again.

A page that writes (a campaign saved, a list imported, a person added) says what it changed;
the main window passes that on to every page that ``SHOWS`` it.  Nothing waits for F5.
"""

import enum


class Changed(enum.Flag):
    NOTHING = 0
    CAMPAIGNS = enum.auto()  # a campaign, its settings, links or questionnaire
    CODES = enum.auto()  # outcome codes or pause reasons
    COMPANIES = enum.auto()  # companies or queue entries: imports, undo, archive, segments
    PEOPLE = enum.auto()  # people, their roles and whether they may log in
    SEGMENTS = enum.auto()
    DO_NOT_CALL = enum.auto()
