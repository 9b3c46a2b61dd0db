-- GET with the session cookie of a logged-in user, taken from the environment.
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
