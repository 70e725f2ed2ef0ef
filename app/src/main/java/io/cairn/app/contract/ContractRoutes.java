package io.cairn.app.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.web.auth.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The documents of Cairn's contract, as this instance declares it: {@code GET /asyncapi.json} (the
 * topics), {@code GET /openapi.json} (the HTTP API) and {@code GET /docs}, the HTTP API to browse
 * in Swagger UI, served from its WebJar.
 */
public final class ContractRoutes {
  private static final String PAGE = "/docs/index.html";
  private static final String SWAGGER_UI = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final String asyncApi;
  private final String openApi;
  private final String page;

  /** Routes serving the documents, made once at start-up. */
  public ContractRoutes(ObjectNode asyncApi, ObjectNode openApi) {
    this.asyncApi = asyncApi.toString();
    this.openApi = openApi.toString();
    this.page = read(PAGE).replace("SWAGGER_UI_VERSION", swaggerUiVersion());
  }

  /** Installs the routes. */
  public void install(RoutesConfig routes) {
    routes.get("/asyncapi.json", ctx -> json(ctx, asyncApi), Scope.OPEN);
    routes.get("/openapi.json", ctx -> json(ctx, openApi), Scope.OPEN);
    routes.get(
        "/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(page), Scope.OPEN);
  }

  private static void json(Context ctx, String document) {
    ctx.contentType("application/json").result(document);
  }

  /** The WebJar's version, so that the page follows the dependency rather than repeating it. */
  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = ContractRoutes.class.getResourceAsStream(SWAGGER_UI)) {
      if (in == null) {
        throw new IllegalStateException("the Swagger UI WebJar is missing from the classpath");
      }
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SWAGGER_UI, e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = ContractRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
