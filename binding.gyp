{
  "targets": [
    {
      "target_name": "corral_native",
      "sources": [
        "src/native/corral.c",
        "src/native/sockets.c",
        "src/native/fdpass.c",
        "src/native/watcher.c"
      ],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-std=gnu11", "-fvisibility=hidden"]
    }
  ]
}
