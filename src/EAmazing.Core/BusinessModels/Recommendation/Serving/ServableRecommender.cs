using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.BusinessModels.Recommendation.Methods;
using EAmazing.BusinessModels.Recommendation.Neural;
using EAmazing.Models.Business;

namespace EAmazing.BusinessModels.Recommendation.Serving;

/// <summary>
/// A registered recommender ready to answer requests concurrently: the method refitted from the version's
/// <see cref="RecommenderIndexFile"/> (counts, rules, neighbours: seconds), or for the recurrent network its weights
/// (<see cref="Gru4RecFileName"/>). The network does not rank the whole catalogue per request unless asked to: a
/// co-visitation graph fitted on the same sequences proposes <c>candidates</c> items (the most popular fill the rest)
/// and the network reranks only those. A session is prepared as training prepared sessions: event types the model was
/// not trained on dropped, consecutive repeats collapsed, its latest <c>max-length</c> items kept.
/// </summary>
public sealed class ServableRecommender : INextItemRecommender
{
    /// <summary>The recurrent network's weights in a version folder (<see cref="Gru4RecModelFile"/> format).</summary>
    public const string Gru4RecFileName = "gru4rec.bin";

    private readonly Dictionary<long, int> _items;
    private readonly RecommenderIndex _index;
    private readonly ISessionRecommender _ranker;
    private readonly CoVisitationRecommender? _candidateSource;
    private readonly int _candidates;
    private readonly long _trainedThrough;

    private ServableRecommender(RecommenderFit fit, RecommenderIndex index, ISessionRecommender ranker, CoVisitationRecommender? candidateSource, int candidates)
    {
        Fit = fit;
        _index = index;
        _ranker = ranker;
        _candidateSource = candidateSource;
        _candidates = candidates;
        _items = new Dictionary<long, int>(index.ProductIds.Length);
        for (var i = 0; i < index.ProductIds.Length; i++)
        {
            _items[index.ProductIds[i]] = i;
        }

        _trainedThrough = new DateTimeOffset(fit.TrainedThrough.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).ToUnixTimeSeconds();
    }

    public RecommenderFit Fit { get; }

    public string Method => Fit.Method;

    public int ItemCount => _index.ProductIds.Length;

    /// <summary>Candidates the network reranks per request; 0 when it ranks the whole catalogue or the method is not neural.</summary>
    public int Candidates => _candidateSource is null ? 0 : _candidates;

    /// <summary>
    /// Loads the version in <paramref name="folder"/>. <paramref name="candidates"/>: items a neural method reranks per
    /// request (0: the whole catalogue). Throws <see cref="InvalidDataException"/> when the version has no servable index
    /// (trained before indexes were written) or a method this build does not offer, <see cref="IOException"/> when unreadable.
    /// </summary>
    public static ServableRecommender Load(string folder, int candidates)
    {
        var fit = RecommenderFit.Load(folder);
        var indexPath = Path.Combine(folder, RecommenderIndexFile.FileName);
        if (!File.Exists(indexPath))
        {
            throw new InvalidDataException($"{folder} has no {RecommenderIndexFile.FileName} (trained before recommenders were servable): train again with eamazing train recommender");
        }

        var index = RecommenderIndexFile.Read(indexPath);
        if (fit.Method == "gru4rec")
        {
            var network = Gru4RecRecommender.Load(Path.Combine(folder, Gru4RecFileName));
            if (network.Network.ItemCount != index.ProductIds.Length)
            {
                throw new InvalidDataException($"{folder}: the network knows {network.Network.ItemCount} items, the index {index.ProductIds.Length}");
            }

            CoVisitationRecommender? source = null;
            if (candidates > 0)
            {
                source = new CoVisitationRecommender();
                source.Fit(index.Sessions, index.ProductIds.Length);
            }

            return new ServableRecommender(fit, index, network, source, candidates);
        }

        var method = RecommenderCatalog.All.FirstOrDefault(m => m.Name == fit.Method)
            ?? throw new InvalidDataException($"{folder}: method '{fit.Method}' is not offered by this build");
        var ranker = method.Create(fit.Hyperparameters);
        ranker.Fit(index.Sessions, index.ProductIds.Length);
        return new ServableRecommender(fit, index, ranker, null, 0);
    }

    /// <summary>The next items for a session; thread-safe.</summary>
    public NextItemList Recommend(NextItemQuery query)
    {
        var prefix = Prepare(query, out var known);
        var allowed = Allowed(query);
        if (prefix.Length == 0)
        {
            var popular = Array.ConvertAll(_index.Counts, c => (float)c);
            var reason = query.Products.Any(_items.ContainsKey)
                ? "no event of the session is of a type the model was trained on: the most popular items"
                : "no product of the session is in the model's catalogue (new or rare items): the most popular items";
            return new NextItemList(Top(popular, allowed, query.Count), 0, true, reason, 0);
        }

        if (_candidateSource is not null && _candidates > 0)
        {
            var proposals = new float[ItemCount];
            _candidateSource.ScoreAll(prefix, proposals);
            var candidates = Top(proposals, allowed, _candidates).Select(i => _items[i.ProductId]).ToArray();
            var scores = new float[candidates.Length];
            _ranker.ScoreCandidates(prefix, candidates, scores);
            var order = Enumerable.Range(0, candidates.Length).OrderByDescending(i => scores[i]).ThenBy(i => candidates[i]).Take(query.Count);
            return new NextItemList(order.Select(i => Item(candidates[i], scores[i])).ToList(), known, false, null, candidates.Length);
        }

        var all = new float[ItemCount];
        _ranker.ScoreAll(prefix, all);
        return new NextItemList(Top(all, allowed, query.Count), known, false, null, ItemCount);
    }

    private SessionSequence Prepare(NextItemQuery query, out int known)
    {
        var items = new List<int>(query.Products.Count);
        var times = new List<long>(query.Products.Count);
        var types = new List<byte>(query.Products.Count);
        known = 0;
        for (var i = 0; i < query.Products.Count; i++)
        {
            var type = query.EventTypes?[i] ?? 0;
            if (Fit.Preparation.Events == EventSelection.Views && type != 0)
            {
                continue;
            }

            if (!_items.TryGetValue(query.Products[i], out var item))
            {
                continue;
            }

            known++;
            if (Fit.Preparation.RemoveRepeats && items.Count > 0 && items[^1] == item)
            {
                types[^1] = Math.Max(types[^1], type);
                continue;
            }

            items.Add(item);
            times.Add(query.UnixSeconds?[i] ?? _trainedThrough);
            types.Add(type);
        }

        var skip = Math.Max(0, items.Count - Fit.Preparation.MaxLength);
        return new SessionSequence([.. items.Skip(skip)], [.. times.Skip(skip)], [.. types.Skip(skip)]);
    }

    /// <summary>Which items may be returned (null: all).</summary>
    private bool[]? Allowed(NextItemQuery query)
    {
        if (!query.ExcludeSeen && query.Categories is null)
        {
            return null;
        }

        var allowed = new bool[ItemCount];
        for (var i = 0; i < allowed.Length; i++)
        {
            allowed[i] = query.Categories is null || query.Categories.Contains(_index.CategoryIds[i]);
        }

        if (query.ExcludeSeen)
        {
            foreach (var product in query.Products)
            {
                if (_items.TryGetValue(product, out var item))
                {
                    allowed[item] = false;
                }
            }
        }

        return allowed;
    }

    private List<RecommendedItem> Top(float[] scores, bool[]? allowed, int count)
    {
        if (allowed is not null)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                if (!allowed[i])
                {
                    scores[i] = float.NegativeInfinity;
                }
            }
        }

        return FullRanking.Top(scores, count).Where(i => !float.IsNegativeInfinity(scores[i])).Select(i => Item(i, scores[i])).ToList();
    }

    private RecommendedItem Item(int item, float score) => new(_index.ProductIds[item], _index.CategoryIds[item], score);
}
