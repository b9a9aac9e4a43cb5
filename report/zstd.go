package report

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/format"
)

// zstdCodec is the zstd compression of an export's pages. parquet-go's
// own codec keeps a pool of encoders with the default 8 MiB window, each
// with a history buffer of that size: 32 MB of a million-incident run's
// heap, for pages far smaller than the window. One encoder shared by the
// export (EncodeAll is safe for concurrent use) with a window the size
// of the largest page keeps a MiB per core. Frames of pages that fit the
// window are the same either way (single-segment frames carry no window
// size), so the files are byte for byte those of parquet-go's codec.
type zstdCodec struct {
	enc *zstd.Encoder
	// dec is made on first use: writing never decodes (parquet-go reads
	// files with the codec their metadata names).
	once   sync.Once
	dec    *zstd.Decoder
	decErr error
}

// zstdWindow bounds the pages compressed with a full history; it is well
// above parquet-go's page buffer.
const zstdWindow = 1 << 20

func newZstdCodec() (*zstdCodec, error) {
	enc, err := zstd.NewWriter(nil,
		zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)),
		zstd.WithEncoderLevel(zstd.SpeedDefault),
		zstd.WithWindowSize(zstdWindow),
		zstd.WithZeroFrames(true),
		zstd.WithEncoderCRC(false),
	)
	if err != nil {
		return nil, fmt.Errorf("zstd encoder: %w", err)
	}
	return &zstdCodec{enc: enc}, nil
}

func (c *zstdCodec) String() string { return "ZSTD" }

func (c *zstdCodec) CompressionCodec() format.CompressionCodec { return format.Zstd }

func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	return c.enc.EncodeAll(src, dst[:0]), nil
}

func (c *zstdCodec) Decode(dst, src []byte) ([]byte, error) {
	c.once.Do(func() {
		if c.dec, c.decErr = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1)); c.decErr != nil {
			c.decErr = fmt.Errorf("zstd decoder: %w", c.decErr)
		}
	})
	if c.decErr != nil {
		return dst[:0], c.decErr
	}
	return c.dec.DecodeAll(src, dst[:0])
}

// close releases the encoder's and decoder's buffers.
func (c *zstdCodec) close() {
	c.enc.Close()
	if c.dec != nil {
		c.dec.Close()
	}
}
