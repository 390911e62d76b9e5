"""The report's charts: a chart definition (:mod:`.chart`), one module per chapter, the registry that lists them
and the renderer that draws and saves them in the house style."""
