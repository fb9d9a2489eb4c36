"""Trend plots: one plot per parameter, stacked on a shared time axis (pyqtgraph).

``plot.TrendPlot`` is the widget; data goes in as ``series.PlotSeries`` (with ``BandSpec`` and
``BoundLine``). Each parameter's plot items are a ``slot.PlotSlot``, drawn with
``band_item.BandItem``, ``curve.DecimatingCurve`` and ``text_box.TextBox``; ``readout`` makes
the hover text.

Importing this package sets pyqtgraph's global options for these plots (white background,
no antialiasing), before any plot item is made.
"""

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

pg.setConfigOptions(antialias=False, background="w", foreground="#37474f", useNumba=False)
