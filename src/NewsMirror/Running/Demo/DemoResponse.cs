namespace NewsMirror.Running.Demo;

/// <summary>One fixed answer of the <see cref="DemoServer"/>.</summary>
public sealed record DemoResponse(byte[] Body, string ContentType, int Status = 200);
