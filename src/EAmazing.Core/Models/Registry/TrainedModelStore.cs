using EAmazing.Models.Families;
using EAmazing.Models.Families.Calibration;
using EAmazing.Models.Families.Preparation;

namespace EAmazing.Models.Registry;

/// <summary>Loads a registered model back from its version folder: the card's family reads the file its model saved.</summary>
public static class TrainedModelStore
{
    public static ITrainedModel Load(string folder, ModelCard card)
    {
        var family = ModelFamilyCatalog.TryFind(card.Family)
            ?? throw new InvalidDataException($"model card {card.Name} v{card.Version} names model family '{card.Family}', which this build does not know; known: {string.Join(", ", ModelFamilyCatalog.All.Select(f => f.Name))}");
        // Saved inside out: the family's file, its fitted preparation, its calibrator (older versions have neither).
        var preparation = FittedPreparation.TryRead(folder);
        var model = family.Load(folder, card.ModelFile, preparation?.OutputNames.Count ?? card.Features.Count, card.Hyperparameters);
        return CalibratedModel.Read(folder, preparation is null ? model : new PreparedModel(preparation, model));
    }
}
