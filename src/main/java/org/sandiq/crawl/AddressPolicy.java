package org.sandiq.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Guards against server-side request forgery: a page must not steer the crawler into the machine's
 * own or its network's services. Loopback, link-local, private (site-local, IPv6 unique local),
 * wildcard and multicast addresses are refused unless the operator allowed them, either with a flag
 * or by giving a seed on such an address (then that is the site being crawled).
 */
final class AddressPolicy {
  private final boolean allowPrivate;

  AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** A policy allowing private addresses when the flag says so or a seed resolves to one. */
  static AddressPolicy forSeeds(Iterable<String> seeds, boolean allowPrivateFlag) {
    if (allowPrivateFlag) {
      return new AddressPolicy(true);
    }
    for (String seed : seeds) {
      try {
        for (InetAddress address : InetAddress.getAllByName(URI.create(seed).getHost())) {
          if (isInternal(address)) {
            return new AddressPolicy(true);
          }
        }
      } catch (UnknownHostException | IllegalArgumentException e) {
        // An unresolvable seed fails later, when it is fetched, with its own error.
      }
    }
    return new AddressPolicy(false);
  }

  /**
   * The address to connect to for {@code host}, checked.
   *
   * @throws UnknownHostException when the name does not resolve
   * @throws ForbiddenAddressException when it resolves to an internal address that is not allowed
   */
  InetAddress resolve(String host) throws UnknownHostException, ForbiddenAddressException {
    InetAddress[] all = InetAddress.getAllByName(host);
    if (!allowPrivate) {
      for (InetAddress address : all) {
        if (isInternal(address)) {
          throw new ForbiddenAddressException(
              host + " resolves to internal address " + address.getHostAddress());
        }
      }
    }
    return all[0];
  }

  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128); // this net, CGNAT
  }

  /** An URL that resolves to an address the crawler may not contact. */
  static final class ForbiddenAddressException extends Exception {
    ForbiddenAddressException(String message) {
      super(message);
    }
  }
}
