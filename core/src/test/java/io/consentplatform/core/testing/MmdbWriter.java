package io.consentplatform.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small GeoIP database in the MaxMind DB format (version 2.0, as its public specification
 * at maxmind.github.io/MaxMind-DB describes it), so that tests read a real file with MaxMind's own
 * reader without shipping one of MaxMind's databases. Written from the specification, not from any
 * writer's code: MaxMind's reader parsing it is the independent check. An IPv6 tree with 24-bit
 * records; IPv4 networks sit in the IPv4-mapped subtree {@code ::/96}, where readers look them up.
 * Values: maps, arrays, strings and unsigned integers, enough for a City or Country record.
 */
public final class MmdbWriter {

  private static final byte[] METADATA_MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };

  /** A node of the search tree being built: two children, or data at a leaf. */
  private static final class Node {
    Node zero;
    Node one;
    Object data;
    int number;
  }

  private final String databaseType;
  private final Node root = new Node();

  public MmdbWriter(String databaseType) {
    this.databaseType = databaseType;
  }

  /**
   * Records {@code data} for a network ({@code 198.51.100.0/24}, {@code 2001:db8::/32}). Networks
   * must not overlap: enough for tests.
   */
  public MmdbWriter network(String cidr, Map<String, ?> data) {
    String[] parts = cidr.split("/", 2);
    byte[] address;
    try {
      address = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(cidr, e);
    }
    int prefix = Integer.parseInt(parts[1]);
    int offset = 0;
    if (address.length == 4) {
      byte[] mapped = new byte[16];
      System.arraycopy(address, 0, mapped, 12, 4);
      address = mapped;
      offset = 96;
    }
    Node node = root;
    for (int bit = 0; bit < offset + prefix; bit++) {
      boolean one = (address[bit / 8] >> (7 - bit % 8) & 1) == 1;
      if (one) {
        node = node.one == null ? (node.one = new Node()) : node.one;
      } else {
        node = node.zero == null ? (node.zero = new Node()) : node.zero;
      }
    }
    node.data = data;
    return this;
  }

  /** Writes the database to {@code file}. */
  public Path writeTo(Path file) {
    try {
      Files.write(file, bytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database's bytes: search tree, 16 zero bytes, data section, marker, metadata. */
  public byte[] bytes() {
    List<Node> inner = new ArrayList<>();
    number(root, inner);
    int nodeCount = inner.size();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    Map<Object, Integer> offsets = new IdentityHashMap<>();
    ByteArrayOutputStream tree = new ByteArrayOutputStream();
    for (Node node : inner) {
      writeRecord(tree, record(node.zero, nodeCount, data, offsets));
      writeRecord(tree, record(node.one, nodeCount, data, offsets));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tree.toByteArray());
    out.writeBytes(new byte[16]);
    out.writeBytes(data.toByteArray());
    out.writeBytes(METADATA_MARKER);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("node_count", new Unsigned(6, nodeCount));
    metadata.put("record_size", new Unsigned(5, 24));
    metadata.put("ip_version", new Unsigned(5, 6));
    metadata.put("database_type", databaseType);
    metadata.put("languages", List.of("en"));
    metadata.put("binary_format_major_version", new Unsigned(5, 2));
    metadata.put("binary_format_minor_version", new Unsigned(5, 0));
    metadata.put("build_epoch", new Unsigned(9, 1_764_547_200L));
    metadata.put("description", Map.of("en", "Consent platform test database"));
    encode(out, metadata);
    return out.toByteArray();
  }

  /** Numbers the nodes that have children, depth first, root 0; leaves become records. */
  private static void number(Node node, List<Node> inner) {
    if (node.data != null || (node.zero == null && node.one == null)) {
      return;
    }
    node.number = inner.size();
    inner.add(node);
    if (node.zero != null) {
      number(node.zero, inner);
    }
    if (node.one != null) {
      number(node.one, inner);
    }
  }

  /** A record's value: a node's number, "no data" (the node count), or data past the separator. */
  private static int record(
      Node child, int nodeCount, ByteArrayOutputStream data, Map<Object, Integer> offsets) {
    if (child == null) {
      return nodeCount;
    }
    if (child.data == null && child.zero == null && child.one == null) {
      return nodeCount;
    }
    if (child.data == null) {
      return child.number;
    }
    Integer offset = offsets.get(child.data);
    if (offset == null) {
      offset = data.size();
      offsets.put(child.data, offset);
      encode(data, child.data);
    }
    return nodeCount + 16 + offset;
  }

  private static void writeRecord(ByteArrayOutputStream out, int value) {
    out.write(value >> 16 & 0xFF);
    out.write(value >> 8 & 0xFF);
    out.write(value & 0xFF);
  }

  /** An unsigned integer of a given MaxMind DB type (5 uint16, 6 uint32, 9 uint64). */
  public record Unsigned(int type, long value) {}

  private static void encode(ByteArrayOutputStream out, Object value) {
    if (value instanceof String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      control(out, 2, bytes.length);
      out.writeBytes(bytes);
    } else if (value instanceof Unsigned number) {
      byte[] bytes = BigInteger.valueOf(number.value()).toByteArray();
      int skip = 0;
      while (skip < bytes.length && bytes[skip] == 0) {
        skip++; // the specification drops leading zero bytes: zero itself has size 0
      }
      control(out, number.type(), bytes.length - skip);
      out.write(bytes, skip, bytes.length - skip);
    } else if (value instanceof Integer || value instanceof Long) {
      encode(out, new Unsigned(6, ((Number) value).longValue()));
    } else if (value instanceof Map<?, ?> map) {
      control(out, 7, map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        encode(out, entry.getKey().toString());
        encode(out, entry.getValue());
      }
    } else if (value instanceof List<?> list) {
      control(out, 11, list.size());
      for (Object item : list) {
        encode(out, item);
      }
    } else {
      throw new IllegalArgumentException("Not a value this writer knows: " + value);
    }
  }

  /** The control byte(s): type in the top 3 bits (or an extended type byte), then the size. */
  private static void control(ByteArrayOutputStream out, int type, int size) {
    int typeBits = type <= 7 ? type << 5 : 0;
    byte[] extra;
    int sizeBits;
    if (size < 29) {
      sizeBits = size;
      extra = new byte[0];
    } else if (size < 285) {
      sizeBits = 29;
      extra = new byte[] {(byte) (size - 29)};
    } else if (size < 65_821) {
      sizeBits = 30;
      int rest = size - 285;
      extra = new byte[] {(byte) (rest >> 8), (byte) rest};
    } else {
      sizeBits = 31;
      int rest = size - 65_821;
      extra = new byte[] {(byte) (rest >> 16), (byte) (rest >> 8), (byte) rest};
    }
    out.write(typeBits | sizeBits);
    if (type > 7) {
      out.write(type - 7);
    }
    out.writeBytes(extra);
  }
}
