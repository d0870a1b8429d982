"""Opt-in speed-ups (``WOW_SPEEDUPS``): worker processes, the early copy that
renders WoW pages, and Pelican's memos and lists kept cheaper.

Everything here that touches Pelican's private code goes through
:mod:`.pelican_compat`, which checks what it relies on at start-up.
"""
