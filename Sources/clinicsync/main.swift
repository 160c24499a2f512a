print("clinicsync")
