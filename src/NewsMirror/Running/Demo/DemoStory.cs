namespace NewsMirror.Running.Demo;

/// <summary>One invented news item of a demo outlet.</summary>
public sealed record DemoStory(int Number, string Title, IReadOnlyList<string> Paragraphs, DateTimeOffset Published);
