package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.arrow.ArrowEncoder;
import java.util.Base64;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class StartupWarmupTest {
  @Test
  void decodesAOneRowResultWithoutAServer() {
    assertTrue(StartupWarmup.run(), "the warm-up did not get through its one-row result");
  }

  @Test
  void itsResultIsTheStreamTheEncoderWritesForOneRow() {
    Schema schema = new Schema(List.of(Field.nullable("1", new ArrowType.Int(32, true))));
    assertArrayEquals(ArrowEncoder.create(schema).encode(List.of(List.of(1))),
        Base64.getDecoder().decode(StartupWarmup.ONE_ROW));
  }
}
