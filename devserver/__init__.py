"""The writer's preview: ``make serve`` / ``invoke serve`` (``python -m devserver``).

One Pelican process stays alive for the whole session. A save re-reads only
the files that changed (Pelican's content cache, kept in memory), and when
only story bodies changed it re-renders only the pages, feeds and listings
that read those bodies; any other change re-renders every page but writes
only the files whose bytes changed. A build that logs an error is not
published: the last good build stays on disk and in the browser.

It lives beside the site rather than in the WoW plugin because it has nothing
to do with the WoW index: it works for any Pelican site, and it is a
development tool that other blogs' production builds should not carry. The
plain ``pelican`` command is untouched: nothing here is registered as a
plugin, the hooks exist only inside the ``devserver`` process.

- :mod:`devserver.incremental`: the session, its writer and what it tracks.
- :mod:`devserver.linear`: two of Pelican's quadratic steps in linear time.
- :mod:`devserver.pelican_compat`: every use of Pelican's private code,
  checked at start-up (on a mismatch, plain full builds instead).
- :mod:`devserver.http`: the local web server and the browser reload signal.
- :mod:`devserver.__main__`: the command line and the watch loop.
"""
