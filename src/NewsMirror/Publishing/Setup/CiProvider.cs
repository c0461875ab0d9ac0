namespace NewsMirror.Publishing.Setup;

/// <summary>Where an archive's hourly run is scheduled.</summary>
public enum CiProvider { None, GitHub, GitLab }
