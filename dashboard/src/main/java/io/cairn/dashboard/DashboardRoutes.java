package io.cairn.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The analysts' dashboard, at {@code /} and {@code /dashboard}: one page, its script and style
 * under {@code /dashboard/assets}, and its chart library from a WebJar under {@code /webjars}. The
 * page reads only the public API (the reports, their streams, the views' status), so it shows what
 * any client could.
 */
public final class DashboardRoutes {
  private static final String PAGE = "/dashboard/index.html";

  private final byte[] page;

  private DashboardRoutes(byte[] page) {
    this.page = page;
  }

  /** The dashboard, its page read once from the classpath. */
  public static DashboardRoutes load() {
    try (InputStream in = DashboardRoutes.class.getResourceAsStream(PAGE)) {
      if (in == null) {
        throw new IllegalStateException(PAGE + " is missing from the classpath");
      }
      return new DashboardRoutes(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PAGE, e);
    }
  }

  /**
   * Installs the page and its assets; its chart library is served from its WebJar.
   *
   * @param access who may load the page, which holds no data of its own
   */
  public void install(JavalinConfig config, RouteRole... access) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/dashboard/assets";
          files.directory = "/dashboard/assets";
          files.location = Location.CLASSPATH;
          files.roles = Set.of(access);
        });
    config.routes.get("/", this::page, access);
    config.routes.get("/dashboard", this::page, access);
  }

  private void page(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }
}
