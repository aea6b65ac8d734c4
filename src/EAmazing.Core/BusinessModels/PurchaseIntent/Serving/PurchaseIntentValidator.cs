using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.PurchaseIntent.Serving;

/// <summary>Checks a parsed request against the served model before anything is computed; the first problem wins.</summary>
public static class PurchaseIntentValidator
{
    private static readonly HashSet<string> EventTypes = ["view", "cart", "remove_from_cart", "purchase"];

    public static RequestProblem? Validate(PurchaseIntentRequest request, ModelCard card, int maxEvents)
    {
        if (request.Features is { } features)
        {
            if (features.Count > card.Features.Count)
            {
                return new("features", $"at most {card.Features.Count} features");
            }

            foreach (var (name, value) in features)
            {
                if (!card.Features.Contains(name))
                {
                    return new($"features.{Truncate(name)}", $"not a feature of {card.Name} v{card.Version}; known: {string.Join(", ", card.Features)}");
                }

                if (!double.IsFinite(value))
                {
                    return new($"features.{name}", "must be a finite number");
                }
            }
        }

        if (request.Cart is null)
        {
            if (request.Features is null)
            {
                return new("cart", "required (or give a 'features' object)");
            }

            return request.Session is { Count: > 0 } ? new("cart", "required when 'session' is given") : null;
        }

        var cart = request.Cart;
        if (cart.Time is null)
        {
            return new("cart.time", "required (ISO 8601, UTC)");
        }

        if (cart.ProductId is not > 0)
        {
            return new("cart.product_id", "required, a positive integer");
        }

        if (cart.CategoryId is not > 0)
        {
            return new("cart.category_id", "required, a positive integer");
        }

        if (cart.Price is not { } price || !double.IsFinite(price) || price < 0)
        {
            return new("cart.price", "required, a number >= 0");
        }

        if (request.UserId is not > 0)
        {
            return new("user_id", "required with 'cart', a positive integer");
        }

        var session = request.Session ?? [];
        if (session.Count > maxEvents)
        {
            return new("session", $"at most {maxEvents} events");
        }

        for (var i = 0; i < session.Count; i++)
        {
            var e = session[i];
            if (e is null)
            {
                return new($"session[{i}]", "must be an event object");
            }

            if (e.Time is null)
            {
                return new($"session[{i}].time", "required (ISO 8601, UTC)");
            }

            if (e.Type is null || !EventTypes.Contains(e.Type))
            {
                return new($"session[{i}].type", "one of view, cart, remove_from_cart, purchase");
            }

            if (e.ProductId is not > 0)
            {
                return new($"session[{i}].product_id", "required, a positive integer");
            }

            if (e.CategoryId is not > 0)
            {
                return new($"session[{i}].category_id", "required, a positive integer");
            }

            if (e.Price is { } p && (!double.IsFinite(p) || p < 0))
            {
                return new($"session[{i}].price", "a number >= 0");
            }
        }

        return null;
    }

    private static string Truncate(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
