// Accessibility fixes for the theme (see tests/test_site.py).
