"""Site layer: the book build, notebook refresh, reruns, presenter exports and the Sphinx extension."""
