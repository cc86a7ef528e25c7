"""Dash callbacks: thin wiring from inputs to dashboard.analytics and dashboard.figures."""
