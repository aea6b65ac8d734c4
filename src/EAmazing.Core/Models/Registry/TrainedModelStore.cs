using EAmazing.Models.Families;

namespace EAmazing.Models.Registry;

/// <summary>Loads a registered model back from its version folder: the card's family reads the file its model saved.</summary>
public static class TrainedModelStore
{
    public static ITrainedModel Load(string folder, ModelCard card)
    {
        var family = ModelFamilyCatalog.TryFind(card.Family)
            ?? throw new InvalidDataException($"model card {card.Name} v{card.Version} names model family '{card.Family}', which this build does not know; known: {string.Join(", ", ModelFamilyCatalog.All.Select(f => f.Name))}");
        return family.Load(folder, card.ModelFile, card.Features.Count, card.Hyperparameters);
    }
}
