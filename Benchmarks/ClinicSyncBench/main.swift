print("clinicsync-bench")
