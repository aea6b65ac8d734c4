namespace EAmazing.Models.Business;

/// <summary>A loaded next-item champion as the server sees it (the recommendation business model implements it): thread-safe.</summary>
public interface INextItemRecommender
{
    /// <summary>The method that ranks, e.g. "vsknn", "gru4rec".</summary>
    string Method { get; }

    int ItemCount { get; }

    /// <summary>Candidates a neural method reranks per request; 0 when it ranks the whole catalogue.</summary>
    int Candidates { get; }

    NextItemList Recommend(NextItemQuery query);
}
