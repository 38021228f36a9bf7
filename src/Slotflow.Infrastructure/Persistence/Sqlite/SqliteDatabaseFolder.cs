using Microsoft.Data.Sqlite;

namespace Slotflow.Infrastructure.Persistence.Sqlite;

/// <summary>Creates the folder of a file-based SQLite database, so a fresh clone runs without set-up.</summary>
internal static class SqliteDatabaseFolder
{
    /// <returns>The connection string, unchanged.</returns>
    public static string Ensure(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return connectionString;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return connectionString;
    }
}
