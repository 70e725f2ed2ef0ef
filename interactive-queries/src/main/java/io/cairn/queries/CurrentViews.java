package io.cairn.queries;

import io.cairn.queries.stores.ViewsAccess;

/** The views this instance answers queries from, which a rebuild replaces. */
@FunctionalInterface
public interface CurrentViews {

  /**
   * The views as they run now.
   *
   * @throws io.cairn.web.ApiException 503 while there are none to answer from (a rebuild)
   */
  ViewsAccess now();
}
