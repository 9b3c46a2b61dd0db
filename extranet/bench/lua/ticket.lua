-- POST the ticket form as a logged-in client user; every request is a new ticket,
-- so each carries its own idempotency key.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
local csrf = os.getenv("BENCH_CSRF")

function init(args)
    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

local function hex(digits)
    local text = ""
    for _ = 1, digits do
        text = text .. string.format("%x", math.random(0, 15))
    end
    return text
end

function request()
    local key = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-" .. hex(12)
    local body = "csrfmiddlewaretoken=" .. csrf
        .. "&severity=S3&description=Ticket+de+carga&idempotency_key=" .. key
    return wrk.format(nil, nil, nil, body)
end
