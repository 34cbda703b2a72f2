print("nettrain")
