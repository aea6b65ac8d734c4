namespace EAmazing.Models.Business;

/// <summary>Turns a parsed <see cref="NextItemRequest"/> into a <see cref="NextItemQuery"/>, or the first problem, naming its field.</summary>
public static class NextItemRequestValidator
{
    public const int DefaultCount = 20;

    public const int MaxCount = 100;

    public const int MaxCategories = 100;

    public static RequestProblem? Validate(NextItemRequest request, int maxEvents, out NextItemQuery? query)
    {
        query = null;
        if (request.UserId is <= 0)
        {
            return new("user_id", "a positive integer (or leave it out)");
        }

        if (request.Session is not { Count: > 0 } session)
        {
            return new("session", "required: the session's events so far, at least one ({\"product_id\": …})");
        }

        if (session.Count > maxEvents)
        {
            return new("session", $"at most {maxEvents} events (EAmazing:Serving:MaxSessionEvents); send the latest ones");
        }

        if (request.N is < 1 or > MaxCount)
        {
            return new("n", $"from 1 to {MaxCount} (default {DefaultCount})");
        }

        HashSet<long>? categories = null;
        if (request.CategoryIds is { } ids)
        {
            if (ids.Count is 0 or > MaxCategories)
            {
                return new("category_ids", $"from 1 to {MaxCategories} category ids, or leave it out");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] <= 0)
                {
                    return new($"category_ids[{i}]", "a positive integer");
                }
            }

            categories = [.. ids];
        }

        var products = new List<long>(session.Count);
        var types = new List<byte>(session.Count);
        var times = new List<long>(session.Count);
        var timed = session[0]?.Time is not null;
        for (var i = 0; i < session.Count; i++)
        {
            if (session[i] is not { } e)
            {
                return new($"session[{i}]", "an event object is required");
            }

            if (e.ProductId is not > 0)
            {
                return new($"session[{i}].product_id", "required, a positive integer");
            }

            if ((e.Time is not null) != timed)
            {
                return new($"session[{i}].time", "give every event's time or none");
            }

            if (e.Time is { } time && times.Count > 0 && time.ToUnixTimeSeconds() < times[^1])
            {
                return new($"session[{i}].time", "earlier than the event before: events are in time order");
            }

            byte? type = (e.Type ?? "view") switch
            {
                "view" => 0,
                "cart" => 1,
                "purchase" => 2,
                "remove_from_cart" => null,
                _ => 255,
            };
            if (type == 255)
            {
                return new($"session[{i}].type", "one of view, cart, remove_from_cart, purchase");
            }

            if (type is not { } kept)
            {
                // Removing from the cart is not interest in a next item: training never used it either.
                continue;
            }

            products.Add(e.ProductId.Value);
            types.Add(kept);
            if (e.Time is { } at)
            {
                times.Add(at.ToUnixTimeSeconds());
            }
        }

        query = new NextItemQuery(products, timed ? times : null, types, request.N ?? DefaultCount, request.ExcludeSeen ?? false, categories);
        return null;
    }
}
