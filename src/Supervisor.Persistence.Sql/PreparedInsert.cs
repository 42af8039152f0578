using System.Data.Common;

namespace Supervisor.Persistence.Sql;

/// <summary>One cached INSERT command of <see cref="InsertStatements"/> and its parameters in column order, row after row.</summary>
internal sealed class PreparedInsert(DbCommand command, DbParameter[] parameters)
{
    public DbCommand Command { get; } = command;

    public DbParameter[] Parameters { get; } = parameters;

    public bool Prepared { get; set; }
}
