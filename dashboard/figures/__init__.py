"""Plotly figure builders: plain functions from analytics frames to figures (or patches),
testable without a browser. One palette and one number format for the whole app."""
