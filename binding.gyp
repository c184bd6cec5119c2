{
  "targets": [
    {
      "target_name": "corral_native",
      "sources": ["src/native/corral.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-std=gnu11"]
    }
  ]
}
