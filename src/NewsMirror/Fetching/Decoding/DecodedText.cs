namespace NewsMirror.Fetching.Decoding;

/// <summary>A document decoded to text: the text, the encoding it was read in, and the decisions to report (<see cref="CharsetDecision.Notes"/>).</summary>
public sealed record DecodedText(string Text, string EncodingName, IReadOnlyList<string> Notes);
