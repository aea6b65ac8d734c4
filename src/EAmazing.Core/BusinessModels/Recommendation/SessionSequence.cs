namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// One session as every recommender sees it: the items in order, as dense catalogue indexes
/// (0 .. itemCount-1, given by the training data's item vocabulary), with each event's time and type.
/// The three arrays have the same length.
/// </summary>
/// <param name="Items">Dense item indexes, in event order.</param>
/// <param name="UnixSeconds">Event times (UTC seconds), non-decreasing.</param>
/// <param name="EventTypes">0 = view, 1 = cart, 2 = purchase (the order of <c>EventType</c>).</param>
public sealed record SessionSequence(int[] Items, long[] UnixSeconds, byte[] EventTypes)
{
    public int Length => Items.Length;
}
