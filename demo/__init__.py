"""Demo data templates and gazetteer for seeding a realistic Tandem demo."""
