"""What keeps a build whole and safe from what writers put in ``content/``.

Writers' HTML cleaned (``sanitizing``) and links made safely (``linking``);
static files a browser would run withheld (``static_files``); output paths
no file can abuse (``outputpaths``, ``siteoutputs``, ``storypaths``,
``pathcheck``); the content walk that follows no link out and no loop
(``contenttree``); broken content repaired or explained (``recovery``,
``templatecheck``), a story whose page fails left out (``safewrites``), and
build messages without tracebacks (``tracebacks``). ``publish_checks`` lets
``check`` tell all of it before a build.
"""
