h = f"\N{{x}}"
