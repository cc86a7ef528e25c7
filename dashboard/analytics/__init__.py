"""Plain, testable computations on the database: survey figures, fragility indices,
catalogues. No Dash, no Flask."""
