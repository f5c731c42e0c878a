import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs SQL statements against the benchmark's database and commits them; prints the rows of
 * the last one that returns rows, tab-separated. For bench scripts that must change data
 * between measurements (bench/sla_scan.py). The password comes from PGPASSWORD.
 *
 * <pre>
 * java -cp postgresql.jar bench/Sql.java JDBC_URL USER "statement" ["statement" ...]
 * </pre>
 */
public class Sql {

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], System.getenv("PGPASSWORD"));
                Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            for (int i = 2; i < args.length; i++) {
                if (statement.execute(args[i])) {
                    try (ResultSet rs = statement.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        StringBuilder out = new StringBuilder();
                        while (rs.next()) {
                            for (int c = 1; c <= columns; c++) {
                                out.append(c > 1 ? "\t" : "").append(rs.getString(c));
                            }
                            out.append('\n');
                        }
                        System.out.print(out);
                    }
                }
            }
            db.commit();
        }
    }

}
