package io.sparkconnect.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class NettyJfrDefaultTest {
  @Test
  void turnsNettysJfrEventsOffWhenTheApplicationDidNotChoose() {
    Properties properties = new Properties();
    NettyJfrDefault.apply(properties);
    assertEquals("false", properties.getProperty("io.netty.jfr.enabled"));
  }

  @Test
  void keepsTheApplicationsChoice() {
    Properties properties = new Properties();
    properties.setProperty("io.netty.jfr.enabled", "true");
    NettyJfrDefault.apply(properties);
    assertEquals("true", properties.getProperty("io.netty.jfr.enabled"));
  }

  @Test
  void channelsSetItWhenTheyAreFirstUsed() {
    NettyChannels.isEpollAvailable();
    assertEquals("false", System.getProperty("io.netty.jfr.enabled"));
  }
}
