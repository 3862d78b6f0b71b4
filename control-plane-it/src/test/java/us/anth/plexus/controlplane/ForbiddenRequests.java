package us.anth.plexus.controlplane;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every request a client got 403 Forbidden for (RBAC denials), as "METHOD path". */
final class ForbiddenRequests implements Interceptor {
  private final List<String> denied = new CopyOnWriteArrayList<>();

  @Override
  public void after(
      HttpRequest request,
      HttpResponse<?> response,
      AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    if (response.code() == 403) {
      denied.add(request.method() + " " + request.uri().getPath());
    }
  }

  List<String> denied() {
    return List.copyOf(denied);
  }

  /** Denials recorded after the first {@code mark} ones (see {@link #count()}). */
  List<String> deniedSince(int mark) {
    List<String> all = denied();
    return all.subList(Math.min(mark, all.size()), all.size());
  }

  int count() {
    return denied.size();
  }
}
