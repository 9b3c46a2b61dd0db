-- POST the login form: one full login (password check included) per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrftoken=" .. os.getenv("BENCH_CSRF")
wrk.body = "csrfmiddlewaretoken=" .. os.getenv("BENCH_CSRF")
    .. "&username=" .. os.getenv("BENCH_USER")
    .. "&password=" .. os.getenv("BENCH_PASSWORD")
