"""Labelled evaluation sets built from sources independent of the detector's own templates."""
