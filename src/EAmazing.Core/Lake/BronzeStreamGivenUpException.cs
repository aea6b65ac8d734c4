namespace EAmazing.Lake;

/// <summary>
/// Thrown by <see cref="IStagingArea.Append"/> or <see cref="IStagingArea.Seal"/> when the speculative bronze stream
/// was given up (the file is not time-ordered, spans months, or the engine failed): the rows staged so far went
/// only to the abandoned stream, so the file must be staged again, in a new staging area, without streaming.
/// </summary>
public sealed class BronzeStreamGivenUpException() : Exception("the bronze stream was given up; the file must be staged again without it");
