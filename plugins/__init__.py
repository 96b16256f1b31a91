"""Shop Window's built-in plugins, installed as ``shopwindow_plugins`` and loaded through the
``shopwindow`` entry-point group exactly as a third-party ``shopwindow-NAME`` package would be."""
