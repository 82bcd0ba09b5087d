PKG_CFLAGS = -I/usr/include/postgresql 
PKG_LIBS = -lpq -ljansson 
