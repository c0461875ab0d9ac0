namespace NewsMirror.Publishing.Setup;

/// <summary><c>.gitlab-ci.yml</c>: the archive's run as a GitLab pipeline job for an hourly schedule.</summary>
public static class GitLabPipeline
{
    public const string Path = ".gitlab-ci.yml";

    public static string Render(ToolSource tool) => $$"""
        # Archives the configured news feeds and pushes one commit of new articles. Written by `newsmirror init`.
        # Run it hourly: Build > Pipeline schedules > New schedule, interval pattern "17 * * * *".
        # CI/CD variables to set (Settings > CI/CD > Variables):
        #   NEWSMIRROR_REPOSITORY   git URL of NewsMirror, built and installed as a .NET tool{{(tool.Repository is null ? "" : " (default below)")}}
        #   NEWSMIRROR_PUSH_TOKEN   a project access token with the write_repository scope (the job token cannot push), masked
        newsmirror:
          image: mcr.microsoft.com/dotnet/sdk:10.0
          rules:
            - if: $CI_PIPELINE_SOURCE == "schedule"
            - if: $CI_PIPELINE_SOURCE == "web"
          # One run at a time: jobs in a resource group never overlap.
          resource_group: newsmirror-archive
          timeout: 45 minutes
          variables:
            NEWSMIRROR_REF: "{{tool.Ref}}"{{(tool.Repository is null ? "" : $"\n    NEWSMIRROR_REPOSITORY: \"{tool.Repository}\"")}}
            NUGET_PACKAGES: "$CI_PROJECT_DIR/.nuget-packages"
            DOTNET_NOLOGO: "true"
            DOTNET_CLI_TELEMETRY_OPTOUT: "true"
            GIT_DEPTH: "10"
          cache:
            - key: newsmirror-tool
              paths:
                - .nuget-packages
                - .newsmirror-tool
            # The catalog is derived data, kept only to save rebuilding it, never trusted as is: NewsMirror rebuilds one
            # of another schema version, and checks each folder against its identity log on open, reading only what the
            # log gained, or rebuilding the folder when the log was rewritten.
            - key: newsmirror-catalog-$NEWSMIRROR_REF
              paths:
                - .newsmirror/catalog.db*
          script:
            - |
        {{GitHubWorkflow.Indent(ToolSource.InstallScript("$CI_PROJECT_DIR/.newsmirror-tool", "/tmp/newsmirror"), 6)}}
            - export PATH="$CI_PROJECT_DIR/.newsmirror-tool:$PATH"
            # GitLab checks out a detached commit: put the branch back and let the push token write to it.
            - git checkout -B "$CI_COMMIT_REF_NAME" "$CI_COMMIT_SHA"
            - git remote set-url --push origin "https://oauth2:${NEWSMIRROR_PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"
            # One outlet being down is reported in the log, not as a failed job; the job fails when all are.
            - newsmirror run --commit --push --fail-on all

        """;
}
