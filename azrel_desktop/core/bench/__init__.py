"""The benchmark: the app's paths against plain SQL, and the synthetic corpus it runs on."""
