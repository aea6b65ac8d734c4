namespace EAmazing.Models.Business;

/// <summary>
/// The body of <c>POST /v1/recommendations</c> (snake_case JSON): the session's events so far, the raw user id if known
/// (pseudonymised on arrival, never stored), how many items (<c>n</c>, default 20), whether to leave out the session's own
/// items (<c>exclude_seen</c>) and an optional category restriction (<c>category_ids</c>).
/// </summary>
public sealed record NextItemRequest(long? UserId, IReadOnlyList<NextItemEvent?>? Session, int? N, bool? ExcludeSeen, IReadOnlyList<long>? CategoryIds);
