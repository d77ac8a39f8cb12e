"""Campaigns: settings, the codes they offer, questionnaires, scripts."""
