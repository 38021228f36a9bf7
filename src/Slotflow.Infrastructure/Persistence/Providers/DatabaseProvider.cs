namespace Slotflow.Infrastructure.Persistence;

/// <summary>Database:Provider. SQLite needs no set-up; SQL Server and PostgreSQL serve several processes.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
